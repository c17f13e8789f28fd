package com.trustifi.onboarding.api.onboarding;

/** The action does not apply to the onboarding in its current status (409). */
public class OnboardingStateException extends RuntimeException {

    public OnboardingStateException(String message) {
        super(message);
    }
}
