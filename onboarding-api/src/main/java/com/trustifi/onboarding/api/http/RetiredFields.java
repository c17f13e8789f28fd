package com.trustifi.onboarding.api.http;

import java.util.Map;

/** Fields of earlier versions of the API (JSON fields and CSV columns alike), with what replaced them. */
public final class RetiredFields {

    public static final Map<String, String> REASONS = Map.of("forceProfile",
            "was replaced by \"profile\": name OLDER_TENANT to apply the older tenants' guide to a tenant created in 2023 or later");

    private RetiredFields() {
    }
}
