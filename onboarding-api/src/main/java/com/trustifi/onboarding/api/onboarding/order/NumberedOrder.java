package com.trustifi.onboarding.api.onboarding.order;

/** One row of a batch, by its position in the batch (from 0), once it has been validated and normalized. */
public record NumberedOrder(int row, OnboardingOrder order) {
}
