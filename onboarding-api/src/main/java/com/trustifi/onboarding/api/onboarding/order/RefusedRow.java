package com.trustifi.onboarding.api.onboarding.order;

/** A batch row that cannot be accepted: its position (from 0), the field at fault, and why. */
public record RefusedRow(int row, String field, String reason) {
}
