package com.trustifi.onboarding.api.onboarding;

import com.trustifi.onboarding.api.http.UnacceptableRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Which of a partner's onboardings to list, and where the previous page ended. Every field but
 * the limit is optional.
 *
 * @param after the last onboarding of the previous page: pages are in (createdAt, id) order, so a
 *              page never repeats or skips a row while new onboardings arrive
 */
public record OnboardingFilter(
        OnboardingStatus status, String tenantId, UUID batchId, Instant createdFrom, Instant createdTo, Position after, int limit) {

    /** Where a page ended; partners hold it as an opaque cursor, so that the ordering behind it can change. */
    public record Position(Instant createdAt, UUID id) {

        String cursor() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position ofCursor(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
                return new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException notACursor) {
                throw new UnacceptableRequestException("cursor", "is not a cursor this API gave out");
            }
        }
    }
}
