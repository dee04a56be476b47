package dev.rapport.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.rapport.RapportApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the README's Architecture section true: the modules and whom each may use (their package-info), no
 * cycles, pure matching, each module's Lua scripts in its own folder, and {@code slack/} naming no feature.
 */
class ArchitectureTest {

  private static final ApplicationModules MODULES = ApplicationModules.of(RapportApplication.class);
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.rapport");
  /** The modules users know as features; the others serve them. */
  private static final Set<String> FEATURES = Set.of("pairing", "prompts", "pulse", "insights", "dashboard");

  @Test
  void modulesUseOnlyWhatTheirPackageInfoAllowsAndFormNoCycles() {
    MODULES.verify();
  }

  @Test
  void theModulesAreTheOnesTheReadmeDescribes() {
    assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .containsExactlyInAnyOrder("store", "slack", "people", "schedule", "outbox", "prompts", "pulse", "pairing",
            "insights", "dashboard");
  }

  @Test
  void matchingIsPureJava() {
    noClasses().that().resideInAPackage("dev.rapport.pairing.matching..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.slack..",
            "redis..", "dev.rapport.store..", "dev.rapport.slack..")
        .check(CLASSES);
  }

  @Test
  void eachModulesLuaScriptsSitInItsFolderAndOnlyThatModuleLoadsThem() throws IOException {
    Map<String, String> loadedBy = new TreeMap<>();
    for (JavaClass type : CLASSES) {
      for (String script : read(type).luaScripts) {
        assertThat(script).as("a Lua script %s loads", type.getName()).isNotNull()
            .startsWith(module(type) + "/");
        loadedBy.put(script, type.getName());
      }
    }
    Set<String> files = new TreeSet<>();
    Path lua = Path.of("src/main/resources/lua");
    try (Stream<Path> all = Files.walk(lua)) {
      all.filter(Files::isRegularFile).forEach(f -> files.add(lua.relativize(f).toString().replace('\\', '/')));
    }
    assertThat(files).as("every script is module/name.lua, in a module's folder").allSatisfy(file -> {
      assertThat(file).matches("[a-z]+/[a-z-]+\\.lua");
      assertThat(MODULES.getModuleByName(file.substring(0, file.indexOf('/')))).isPresent();
    });
    assertThat(files.stream().map(f -> f.replaceAll("\\.lua$", "")))
        .as("scripts on disk are the scripts the code loads").containsExactlyInAnyOrderElementsOf(loadedBy.keySet());
  }

  /**
   * Every string {@code slack/}'s code holds (messages, ids, keys): none names a feature's module or a slash
   * command a feature declares. Features bring their own words ({@code SlashCommand}, {@code HomeSection}).
   */
  @Test
  void slackNamesNoFeature() {
    Set<String> commands = new TreeSet<>();
    List<String> inSlack = new ArrayList<>();
    for (JavaClass type : CLASSES) {
      Strings strings = read(type);
      if (FEATURES.contains(module(type))) {
        strings.constants.stream().filter(s -> s.matches("/[a-z-]+")).forEach(commands::add);
      } else if (module(type).equals("slack")) {
        strings.constants.forEach(s -> inSlack.add(type.getSimpleName() + ": " + s));
      }
    }
    assertThat(commands).as("slash commands the features declare").contains("/coffee", "/empathy", "/pulse");
    assertThat(inSlack).as("strings in slack/").isNotEmpty();
    assertThat(inSlack.stream().filter(s -> {
      String lower = s.substring(s.indexOf(": ") + 2).toLowerCase(Locale.ROOT);
      return FEATURES.stream().anyMatch(lower::contains) || commands.stream().anyMatch(lower::contains);
    })).as("strings in slack/ that name a feature or its command").isEmpty();
  }

  private static String module(JavaClass type) {
    String[] parts = type.getPackageName().split("\\.");
    return parts.length > 2 ? parts[2] : "";
  }

  /** The string constants of one class, and the names it passes to {@code LuaScript.load} (null: not a constant). */
  private record Strings(List<String> constants, List<String> luaScripts) {}

  private static Strings read(JavaClass type) {
    Strings found = new Strings(new ArrayList<>(), new ArrayList<>());
    try (InputStream in = ArchitectureTest.class.getResourceAsStream(
        "/" + type.getName().replace('.', '/') + ".class")) {
      new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
          if (value instanceof String s) {
            found.constants.add(s);
          }
          return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
          return new MethodVisitor(Opcodes.ASM9) {
            private String lastConstant;

            @Override
            public void visitLdcInsn(Object value) {
              lastConstant = value instanceof String s ? s : null;
              if (lastConstant != null) {
                found.constants.add(lastConstant);
              }
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
              for (Object arg : args) {
                if (arg instanceof String s) {
                  found.constants.add(s);
                }
              }
              lastConstant = null;
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
              if (owner.equals("dev/rapport/store/LuaScript") && name.equals("load")) {
                found.luaScripts.add(lastConstant);
              }
              lastConstant = null;
            }

            @Override
            public void visitVarInsn(int opcode, int var) {
              lastConstant = null;
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
              lastConstant = null;
            }
          };
        }
      }, ClassReader.SKIP_DEBUG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
