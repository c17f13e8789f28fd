package com.trustifi.onboarding.worker.plan;

import java.util.Map;
import java.util.Optional;

/**
 * What one Exchange object should be after a step: present with these parameters (a parameter desired as null must
 * be empty, and is cleared with $null), or absent. Onboarding, offboarding and secret rotation are the same steps with
 * other desired states.
 */
public sealed interface DesiredState {

    /**
     * @param whenMissing empty: create the object when it is missing; otherwise the object is never created here
     *                    (a tenant-wide object, or one only an onboarding creates) and this is the step's answer
     */
    record Present(Map<String, Object> parameters, Optional<StepResult> whenMissing) implements DesiredState {
    }

    /** @param why why it must not exist, for the step's detail; null when removing is the command itself (offboarding) */
    record Absent(String why) implements DesiredState {
    }

    /** Present with these parameters, created when missing. */
    static DesiredState created(Map<String, Object> parameters) {
        return new Present(parameters, Optional.empty());
    }

    /** These parameters on an object that must already exist; otherwise the step answers {@code whenMissing}. */
    static DesiredState existing(Map<String, Object> parameters, StepResult whenMissing) {
        return new Present(parameters, Optional.of(whenMissing));
    }

    static DesiredState absent(String why) {
        return new Absent(why);
    }
}
