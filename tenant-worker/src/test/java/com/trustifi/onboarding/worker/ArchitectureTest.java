package com.trustifi.onboarding.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The worker knows the API only through the wire contracts, and Exchange only over HTTP: never the simulator's code. */
class ArchitectureTest {

    private static final JavaClasses WORKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.trustifi.onboarding.worker");

    @Test
    void theWorkerTalksToTheApiOnlyThroughTheWireContractsAndToExchangeOnlyOverHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.trustifi.onboarding.api..",
                "com.trustifi.onboarding.localstack..", "com.trustifi.onboarding.simulator..", "com.trustifi.onboarding.cli..")
                .check(WORKER);
    }
}
