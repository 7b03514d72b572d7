package io.cpqoms.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built EAR (run in verify, after packaging). Every class is in it once: a class both in a module
 * jar and in its client jar in lib/ is loaded from lib/ while the module's copy is dead weight that
 * class path scanners still see. The contracts ({@code api} packages) and the kernel are in lib/, where
 * every module and the web module see them. Every migration script is in it once (Flyway refuses two
 * scripts of one version in a location), and the kernel's migrations ({@code db/kernel}) are in the
 * jar of the kernel's classes, where {@code SchemaMigration}'s class loader finds them.
 */
class EarContentsTest {

    private static final Path EAR = Path.of(System.getProperty("cpq.ear", "target/cpq.ear"));
    private static final Pattern VERSIONED = Pattern.compile("^META-INF/versions/\\d+/");
    private static final Pattern CONTRACT_OR_KERNEL = Pattern.compile("io/cpqoms/(kernel|[a-z]+/api)/.*");
    private static final String KERNEL_CLASS = "io/cpqoms/kernel/SchemaMigration.class";
    private static final String KERNEL_MIGRATIONS = "db/kernel/";

    /** Each archive in the EAR (nested ones as {@code outer!inner}), with its entries as its class path sees them. */
    private static final Map<String, Set<String>> ARCHIVES = new LinkedHashMap<>();

    @BeforeAll
    static void readEar() throws IOException {
        assertTrue(Files.isRegularFile(EAR), EAR + " is missing: this check runs after the EAR is packaged");
        try (ZipInputStream ear = new ZipInputStream(Files.newInputStream(EAR))) {
            read(EAR.getFileName().toString(), "", ear);
        }
    }

    /** Reads one archive's entries; nested archives are read from the same stream (never closed here). */
    private static void read(String name, String nestedPrefix, ZipInputStream archive) throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        ARCHIVES.put(name, entries);
        boolean war = name.endsWith(".war");
        for (ZipEntry entry; (entry = archive.getNextEntry()) != null; ) {
            String path = entry.getName();
            if (path.endsWith(".jar") || path.endsWith(".war")) {
                read(nestedPrefix + path, nestedPrefix + path + "!", new ZipInputStream(archive));
            } else {
                entries.add(war && path.startsWith("WEB-INF/classes/") ? path.substring("WEB-INF/classes/".length()) : path);
            }
        }
    }

    /** The classes of one archive; a multi-release jar's versions of a class count as one. */
    private static Set<String> classes(Set<String> entries) {
        return entries.stream()
                .filter(e -> e.endsWith(".class") && !e.endsWith("module-info.class"))
                .map(e -> VERSIONED.matcher(e).replaceFirst(""))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Entry (as {@code pick} keeps it) to the archives that hold it. */
    private static Map<String, List<String>> where(Function<Set<String>, Set<String>> pick) {
        Map<String, List<String>> where = new TreeMap<>();
        ARCHIVES.forEach((archive, entries) ->
                pick.apply(entries).forEach(e -> where.computeIfAbsent(e, k -> new ArrayList<>()).add(archive)));
        return where;
    }

    @Test
    void everyClassIsInTheEarOnce() {
        Map<String, List<String>> where = where(EarContentsTest::classes);
        String twice = where.entrySet().stream().filter(e -> e.getValue().size() > 1).limit(20)
                .map(e -> e.getKey() + " in " + e.getValue()).collect(Collectors.joining("\n  "));
        assertTrue(twice.isEmpty(), "classes in more than one archive of the EAR (the first 20):\n  " + twice);
        // not true for want of classes: every module still has its own
        for (String module : List.of("catalog-ejb.jar", "quote-ejb.jar", "order-ejb.jar", "fulfillment-mdb.jar", "web-api.war")) {
            assertTrue(ARCHIVES.containsKey(module), module + " is not in the EAR: " + ARCHIVES.keySet());
            assertFalse(classes(ARCHIVES.get(module)).isEmpty(), module + " holds no class");
        }
    }

    @Test
    void contractsAndKernelAreInLibOnly() {
        Map<String, List<String>> where = where(entries -> classes(entries).stream()
                .filter(c -> CONTRACT_OR_KERNEL.matcher(c).matches()).collect(Collectors.toSet()));
        assertTrue(where.containsKey(KERNEL_CLASS), "the kernel is not in the EAR");
        where.forEach((c, archives) -> assertTrue(archives.stream().allMatch(a -> a.startsWith("lib/") && a.endsWith("-client.jar")),
                c + " is outside the client jars in lib/: " + archives));
    }

    @Test
    void everyMigrationIsInTheEarOnceAndTheKernelsWithTheKernel() {
        Map<String, List<String>> where = where(entries -> entries.stream()
                .filter(e -> e.startsWith("db/") && e.endsWith(".sql")).collect(Collectors.toSet()));
        where.forEach((script, archives) -> assertEquals(1, archives.size(), script + " is in " + archives));
        for (String context : List.of("catalog", "quote", "ordering")) {
            assertTrue(where.keySet().stream().anyMatch(s -> s.startsWith("db/" + context + "/")), "no migration of " + context);
        }

        String kernelJar = where(entries -> entries.contains(KERNEL_CLASS) ? Set.of(KERNEL_CLASS) : Set.of())
                .get(KERNEL_CLASS).get(0);
        List<String> kernelScripts = where.keySet().stream().filter(s -> s.startsWith(KERNEL_MIGRATIONS)).toList();
        assertFalse(kernelScripts.isEmpty(), "no kernel migration (" + KERNEL_MIGRATIONS + ") in the EAR");
        kernelScripts.forEach(s -> assertEquals(List.of(kernelJar), where.get(s), s + " is not with the kernel's classes"));
        // Flyway finds a class path location inside a jar through the jar's entry for its folder
        assertTrue(ARCHIVES.get(kernelJar).contains(KERNEL_MIGRATIONS), kernelJar + " has no entry for " + KERNEL_MIGRATIONS);
    }
}
