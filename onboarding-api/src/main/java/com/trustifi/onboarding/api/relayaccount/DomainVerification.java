package com.trustifi.onboarding.api.relayaccount;

import com.trustifi.onboarding.model.DnsRecord;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The records the all-tenants guide has a partner publish for each sending domain before the relay sends for it:
 * identity (TXT), DKIM (CNAMEs) and MAIL FROM (MX and TXT). The guide names these groups but its readable part gives
 * no names or values; the shapes here are those of the mail service the relay's addresses belong to (Amazon SES,
 * us-east-1), which is inferred (docs/relay-profiles.md). Values are derived from the account's token and the
 * domain, so they stay the same for as long as the account does.
 */
public final class DomainVerification {

    static final String MAIL_FROM_SUBDOMAIN = "bounce";
    private static final int DKIM_KEYS = 3;

    private DomainVerification() {
    }

    public static List<DnsRecord> records(String verificationToken, Collection<String> domains) {
        List<DnsRecord> records = new ArrayList<>();
        for (String domain : domains) {
            records.add(new DnsRecord("identity", "TXT", "_amazonses." + domain,
                    Base64.getEncoder().encodeToString(digest(verificationToken, "identity|" + domain))));
            for (int key = 1; key <= DKIM_KEYS; key++) {
                String selector = HexFormat.of().formatHex(digest(verificationToken, "dkim" + key + "|" + domain), 0, 16);
                records.add(new DnsRecord("dkim", "CNAME", selector + "._domainkey." + domain, selector + ".dkim.amazonses.com"));
            }
            String mailFrom = MAIL_FROM_SUBDOMAIN + "." + domain;
            records.add(new DnsRecord("mail-from", "MX", mailFrom, "10 feedback-smtp.us-east-1.amazonses.com"));
            records.add(new DnsRecord("mail-from", "TXT", mailFrom, "v=spf1 include:amazonses.com ~all"));
        }
        return records;
    }

    private static byte[] digest(String token, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
