package dev.crossbuild.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Publishes the archives of a tag as a GitHub release, safely re-runnable: find the release or
 * create a draft, upload what is missing, skip what is identical, replace what differs only while
 * it is a draft, check the asset list, then publish.
 */
public final class Releaser {

  private enum Action {
    UPLOAD,
    REPLACE,
    SKIP
  }

  private final GitHubReleases github;
  private final Consumer<String> log;

  public Releaser(GitHubReleases github, Consumer<String> log) {
    this.github = github;
    this.log = log;
  }

  public ReleaseResult release(ReleaseRequest request) {
    String tag = request.tag().name();
    List<LocalAsset> local = ReleaseAssets.collect(request.artifactsDirectory());
    log.accept(
        "Releasing "
            + local.size()
            + " assets of "
            + tag
            + " to "
            + github.repository()
            + (request.dryRun() ? " (dry run: nothing will be written)" : ""));

    Optional<Release> found = github.findRelease(tag);
    if (found.isEmpty() && request.dryRun()) {
      log.accept("Would create draft release " + tag + targetText(request));
      local.forEach(a -> log.accept("Would upload " + a.name() + " (" + a.size() + " bytes)"));
      List<String> names = local.stream().map(LocalAsset::name).toList();
      return new ReleaseResult(
          tag, null, true, true, names, List.of(), List.of(), !request.draftOnly(), false);
    }
    boolean created = found.isEmpty();
    Release release =
        found.orElseGet(
            () -> {
              log.accept("Creating draft release " + tag + targetText(request));
              return github.createDraft(tag, request.tag().commit());
            });
    if (!created) {
      log.accept(
          "Found "
              + (release.draft() ? "draft" : "published")
              + " release "
              + tag
              + ": "
              + release.htmlUrl());
    }

    Map<String, RemoteAsset> remote = byName(github.assets(release));
    Map<LocalAsset, Action> plan = new java.util.LinkedHashMap<>();
    for (LocalAsset asset : local) {
      plan.put(asset, decide(asset, remote.get(asset.name())));
    }
    List<String> conflicts =
        names(plan, Action.REPLACE).stream().filter(name -> remote.get(name).complete()).toList();
    if (!release.draft() && !conflicts.isEmpty()) {
      throw new PublishedAssetConflictException(tag, conflicts);
    }

    String verb = request.dryRun() ? "Would " : "";
    for (Map.Entry<LocalAsset, Action> step : plan.entrySet()) {
      LocalAsset asset = step.getKey();
      switch (step.getValue()) {
        case SKIP -> {} // listed in the summary
        case UPLOAD -> {
          log.accept(
              verb
                  + (verb.isEmpty() ? "Uploading " : "upload ")
                  + asset.name()
                  + " ("
                  + asset.size()
                  + " bytes)");
          if (!request.dryRun()) {
            github.upload(release, asset.name(), asset.file());
          }
        }
        case REPLACE -> {
          log.accept(
              verb
                  + (verb.isEmpty() ? "Replacing " : "replace ")
                  + asset.name()
                  + " (its content differs on the draft release)");
          if (!request.dryRun()) {
            github.deleteAsset(remote.get(asset.name()));
            github.upload(release, asset.name(), asset.file());
          }
        }
      }
    }

    boolean publish = release.draft() && !request.draftOnly();
    if (!request.dryRun()) {
      verifyComplete(release, local);
      if (publish) {
        log.accept("Publishing release " + tag);
        release = github.publish(release);
      }
    } else if (publish) {
      log.accept("Would publish release " + tag);
    }
    return new ReleaseResult(
        tag,
        release.htmlUrl(),
        request.dryRun(),
        created,
        names(plan, Action.UPLOAD),
        names(plan, Action.REPLACE),
        names(plan, Action.SKIP),
        publish,
        !found.map(Release::draft).orElse(true));
  }

  private Action decide(LocalAsset local, RemoteAsset remote) {
    if (remote == null) {
      return Action.UPLOAD;
    }
    if (!remote.complete() || remote.size() != local.size()) {
      return Action.REPLACE;
    }
    Optional<String> digest = remote.sha256();
    String remoteSha = digest.isPresent() ? digest.get() : downloadedSha256(remote);
    return remoteSha.equalsIgnoreCase(local.sha256()) ? Action.SKIP : Action.REPLACE;
  }

  // Older GitHub (Enterprise) versions report no digest: compare by hashing the download.
  private String downloadedSha256(RemoteAsset remote) {
    try (InputStream in = github.download(remote)) {
      return ReleaseAssets.sha256(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot download asset " + remote.name() + " to compare it", e);
    }
  }

  private void verifyComplete(Release release, List<LocalAsset> local) {
    Map<String, RemoteAsset> now = byName(github.assets(release));
    List<String> missing = new ArrayList<>();
    for (LocalAsset asset : local) {
      RemoteAsset remote = now.get(asset.name());
      if (remote == null
          || !remote.complete()
          || remote.size() != asset.size()
          || remote.sha256().map(sha -> !sha.equalsIgnoreCase(asset.sha256())).orElse(false)) {
        missing.add(asset.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new IncompleteReleaseException(release.tagName(), missing);
    }
  }

  private static Map<String, RemoteAsset> byName(List<RemoteAsset> assets) {
    return assets.stream()
        .collect(Collectors.toMap(RemoteAsset::name, Function.identity(), (a, b) -> a));
  }

  private static List<String> names(Map<LocalAsset, Action> plan, Action action) {
    return plan.entrySet().stream()
        .filter(e -> e.getValue() == action)
        .map(e -> e.getKey().name())
        .toList();
  }

  private static String targetText(ReleaseRequest request) {
    String commit = request.tag().commit();
    return commit == null ? "" : " at " + commit.substring(0, Math.min(12, commit.length()));
  }
}
