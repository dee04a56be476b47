package dev.rapport.arch;

import dev.rapport.RapportApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModulithProbeTest {
  @Test
  void probe() {
    ApplicationModules modules = ApplicationModules.of(RapportApplication.class);
    System.out.println(modules);
    modules.verify();
  }
}
