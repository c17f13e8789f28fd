package com.trustifi.onboarding.api.onboarding;

import com.trustifi.onboarding.api.http.UnacceptableRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Page cursors: opaque to partners, so that the ordering behind them can change without breaking clients. */
final class Cursors {

    private Cursors() {
    }

    static String of(Instant createdAt, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static OnboardingFilter.Position read(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new OnboardingFilter.Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException notACursor) {
            throw new UnacceptableRequestException("cursor", "is not a cursor this API gave out");
        }
    }
}
