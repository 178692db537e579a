package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code -Dcross.cache.*} over {@code <cache>}. */
class CacheParameterTest {

  @Test
  void propertiesWinOverThePom() {
    CacheParameter pom = new CacheParameter();
    pom.setRepository("registry.example.com/a");
    pom.setPush(false);
    pom.setUsername("ci");
    Properties user = new Properties();
    user.setProperty("cross.cache.push", "true");
    Properties system = new Properties();
    system.setProperty("cross.cache.push", "false");
    system.setProperty("cross.cache.pull", "false");
    CacheParameter c = CacheParameter.withProperties(pom, user, system);
    assertThat(c.getRepository()).isEqualTo("registry.example.com/a");
    assertThat(c.getPush()).as("user properties before system ones").isTrue();
    assertThat(c.getPull()).isFalse();
    assertThat(c.getUsername()).isEqualTo("ci");
    assertThat(pom.getPush()).as("the POM's object is left alone").isFalse();
  }

  @Test
  void aPropertyAloneMakesACacheAndNothingMakesNone() {
    Properties user = new Properties();
    user.setProperty("cross.cache.repository", "127.0.0.1:5000/cache");
    assertThat(CacheParameter.withProperties(null, user, new Properties()).getRepository())
        .isEqualTo("127.0.0.1:5000/cache");
    assertThat(CacheParameter.withProperties(null, new Properties(), new Properties())).isNull();
  }
}
