package com.trustifi.onboarding.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API's floors, as docs/architecture.md draws them: one package per feature, each with its resource, views and
 * service; {@code http} holds what every feature shares and knows none of them; no feature package cycles; the API
 * knows neither the worker nor the local stack nor the simulator.
 */
class ArchitectureTest {

    private static final int MAX_CLASSES_PER_PACKAGE = 15;
    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.trustifi.onboarding.api");

    @Test
    void featuresDoNotDependOnEachOtherInACircle() {
        slices().matching("com.trustifi.onboarding.api.(*)..").should().beFreeOfCycles().check(API);
    }

    @Test
    void whatEveryFeatureSharesKnowsNoFeature() {
        noClasses().that().resideInAPackage("com.trustifi.onboarding.api.http..")
                .should().dependOnClassesThat().resideInAnyPackage("com.trustifi.onboarding.api.batch..",
                        "com.trustifi.onboarding.api.connection..", "com.trustifi.onboarding.api.onboarding..",
                        "com.trustifi.onboarding.api.partner..", "com.trustifi.onboarding.api.relayaccount..",
                        "com.trustifi.onboarding.api.status..", "com.trustifi.onboarding.api.webhook..")
                .check(API);
    }

    @Test
    void theApiTalksToTheWorkerOnlyThroughTheWireContracts() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.trustifi.onboarding.worker..",
                "com.trustifi.onboarding.localstack..", "com.trustifi.onboarding.simulator..", "com.trustifi.onboarding.cli..")
                .check(API);
    }

    @Test
    void aPackageStaysSmallEnoughToReadInOneSitting() {
        Map<String, Long> classesByPackage = API.stream()
                .filter(type -> type.getEnclosingClass().isEmpty() && !type.isAnonymousClass())
                .collect(Collectors.groupingBy(JavaClass::getPackageName, Collectors.counting()));

        assertThat(classesByPackage).allSatisfy((name, count) -> assertThat(count).as(name).isLessThanOrEqualTo(MAX_CLASSES_PER_PACKAGE));
    }
}
