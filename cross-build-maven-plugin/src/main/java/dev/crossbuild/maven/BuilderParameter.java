package dev.crossbuild.maven;

/**
 * A {@code <builder>} in the POM: another container engine to build on, e.g. an arm64 machine.
 * {@code <id>} and {@code <host>} are required; {@code <tlsVerify>}, {@code <certPath>} and {@code
 * <maxParallel>} (default 2) are optional.
 */
public class BuilderParameter {

  private String id;
  private String host;
  private Boolean tlsVerify;
  private String certPath;
  private Integer maxParallel;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Boolean getTlsVerify() {
    return tlsVerify;
  }

  public void setTlsVerify(Boolean tlsVerify) {
    this.tlsVerify = tlsVerify;
  }

  public String getCertPath() {
    return certPath;
  }

  public void setCertPath(String certPath) {
    this.certPath = certPath;
  }

  public Integer getMaxParallel() {
    return maxParallel;
  }

  public void setMaxParallel(Integer maxParallel) {
    this.maxParallel = maxParallel;
  }
}
