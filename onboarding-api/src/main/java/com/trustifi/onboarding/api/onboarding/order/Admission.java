package com.trustifi.onboarding.api.onboarding.order;

import java.util.List;

/** What became of a batch's rows: how many were accepted, and why each of the others was refused. */
public record Admission(int accepted, List<RefusedRow> refused) {

    public Admission {
        refused = List.copyOf(refused);
    }
}
