package com.trustifi.onboarding.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The wire contracts are the ground floor: the JDK, Jackson and Kafka's serializer interfaces, and nothing of ours above them. */
class ArchitectureTest {

    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.trustifi.onboarding.model");

    @Test
    void theWireContractsDependOnNothingOfOursAboveThem() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "com.fasterxml.jackson..", "org.apache.kafka.common..",
                        "com.trustifi.onboarding.model..")
                .check(MODEL);
    }
}
