package org.tcyledger.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of style.md over the main classes of every module (each module's jar is on this module's test
 * classpath; its own tests are not imported).
 * <p>
 * Domain packages: in each write service, {@code org.tcyledger.<service>.<context>} and below (the aggregates, their
 * state, commands, rules and ports), except the adapters around them: {@code api} (REST), {@code infra},
 * {@code replica} (what it keeps of other contexts) and {@code decisions} (the consumer of plenary decisions). A
 * new adapter package needs its name here, or it is held to the domain's rules.
 * <p>
 * Every rule holds with no exception (the last one, a start-up seed in a domain package, moved to {@code infra}).
 */
class BoundariesTest {

    private static final Set<String> WRITE_SERVICES = Set.of("membership", "meetings", "assessments", "cloudevidence");
    private static final Set<String> SERVICES = union(WRITE_SERVICES, Set.of("projection"));
    private static final Set<String> LIBRARIES = Set.of("contracts", "eventsourcing", "register", "testing", "audit");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tcyledger");

    private static final DescribedPredicate<JavaClass> DOMAIN = resideInAnyPackage(
            WRITE_SERVICES.stream().map(service -> "org.tcyledger." + service + ".*..").toArray(String[]::new))
            .and(not(resideInAnyPackage("..api..", "..infra..", "..replica..", "..decisions..")))
            .as("domain packages of the write services (not api, infra, replica, decisions)");

    @Test
    void everyModuleIsImportedAndKnown() {
        // a rule over no classes passes: make sure each module's classes are there, and no module is unclassified
        Map<String, Integer> classesPerModule = new TreeMap<>();
        CLASSES.forEach(type -> classesPerModule.merge(module(type), 1, Integer::sum));
        assertEquals(new TreeSet<>(union(SERVICES, LIBRARIES)), classesPerModule.keySet(),
                "the top-level packages under org.tcyledger: a new module must be named in this test");
        Set<String> withDomain = new TreeSet<>();
        CLASSES.stream().filter(DOMAIN).forEach(type -> withDomain.add(module(type)));
        assertEquals(new TreeSet<>(WRITE_SERVICES), withDomain, "every write service has domain classes");
    }

    @Test
    void domainPackagesUseNoWebDatabaseOrQuarkus() {
        noClasses().that(DOMAIN).should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws.rs..", "org.jboss.resteasy..", "java.sql..", "javax.sql..",
                        "io.agroal..")
                .because("a rule lives in the aggregate, which fixture tests reach without a server or a database; "
                         + "facts from elsewhere come through injected ports")
                .check(CLASSES);
    }

    @Test
    void domainPackagesDoNotReachIntoTheirEndpoints() {
        noClasses().that(DOMAIN).should().dependOnClassesThat().resideInAPackage("..api..")
                .because("endpoints map requests to commands; the domain knows nothing of them")
                .check(CLASSES);
    }

    @Test
    void servicesNeverImportEachOther() {
        SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass type) {
                        String module = module(type);
                        return SERVICES.contains(module) ? SliceIdentifier.of(module) : SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "the services";
                    }
                })
                .should().notDependOnEachOther()
                .because("a service learns of another only from its topic (libs/contracts), never from its classes")
                .check(CLASSES);
    }

    @Test
    void librariesDoNotDependOnServices() {
        noClasses().that().resideInAnyPackage(packages(LIBRARIES))
                .should().dependOnClassesThat().resideInAnyPackage(packages(SERVICES))
                .check(CLASSES);
    }

    @Test
    void onlyTheEventSourcingLibraryConfiguresAxon() {
        noClasses().that().resideOutsideOfPackage("org.tcyledger.eventsourcing..")
                .should().dependOnClassesThat().resideInAPackage("org.axonframework.config..")
                .because("Axon on Quarkus is wired once, in libs/eventsourcing")
                .check(CLASSES);
    }

    @Test
    void theContractDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.tcyledger.contracts..")
                .should().dependOnClassesThat(resideInAPackage("org.tcyledger..")
                        .and(not(resideInAPackage("org.tcyledger.contracts.."))))
                .because("every service and every consumer in another language reads the contract alone")
                .check(CLASSES);
    }

    /** The top-level package under org.tcyledger, which names the module; empty for a class not of ours. */
    private static String module(JavaClass type) {
        if (!type.getPackageName().startsWith("org.tcyledger.")) {
            return "";
        }
        String rest = type.getPackageName().substring("org.tcyledger".length());
        rest = rest.startsWith(".") ? rest.substring(1) : rest;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String[] packages(Set<String> modules) {
        return modules.stream().map(module -> "org.tcyledger." + module + "..").toArray(String[]::new);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Set.copyOf(Stream.concat(a.stream(), b.stream()).toList());
    }
}
