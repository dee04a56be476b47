package dev.rapport.schedule;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background threads (the scheduler running rounds and pulses, the outbox workers) run at
 * {@link Thread#MIN_PRIORITY}. The JVM passes that on to Linux only when started with
 * {@code -XX:ThreadPriorityPolicy=1}; {@code -XX:JavaPriority1_To_OSPriority=19} makes it the lowest nice
 * level, so a 10,000-member round takes only the CPU that requests leave over. The jar's launch,
 * {@code spring-boot:run}, the image and the Helm chart set both; anywhere else, this says so once.
 */
final class BackgroundPriority {

  static final List<String> JVM_OPTIONS = List.of("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19");

  private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);

  private BackgroundPriority() {}

  static boolean honoured() {
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return honoured(vm.getVMOption("ThreadPriorityPolicy").getValue(),
          vm.getVMOption("JavaPriority1_To_OSPriority").getValue());
    } catch (RuntimeException notHotSpot) {
      return false;
    }
  }

  /**
   * Both flags are needed: with the policy alone, {@code MIN_PRIORITY} maps to nice 4 (HotSpot's table), not
   * to the lowest; the mapping's default, -1, means "use the table".
   */
  static boolean honoured(String threadPriorityPolicy, String priority1ToOs) {
    return "1".equals(threadPriorityPolicy) && !"-1".equals(priority1ToOs);
  }

  static void warnIfIgnored() {
    if (!honoured()) {
      log.info("Rounds, pulses and deliveries run at the normal OS priority, so they compete with requests for "
          + "CPU; start the JVM with {} (JAVA_TOOL_OPTIONS) to run them at the lowest", String.join(" ", JVM_OPTIONS));
    }
  }
}
