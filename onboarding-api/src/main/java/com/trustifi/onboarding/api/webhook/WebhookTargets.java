package com.trustifi.onboarding.api.webhook;

import com.trustifi.onboarding.api.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether the service may call a webhook URL: http or https only, and, unless configured
 * otherwise, no host that resolves to a loopback, private, link-local or otherwise internal
 * address. Checked when the webhook is set and again before each delivery, since what a name
 * resolves to can change.
 */
@ApplicationScoped
public class WebhookTargets {

    private final WebhookConfig config;

    WebhookTargets(WebhookConfig config) {
        this.config = config;
    }

    /** Why the URL may not be called, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.of("must name a host, without user information");
        }
        if (config.allowPrivateAddresses()) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(address)) {
                    return Optional.of("must not point at a loopback, private or link-local address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
    }

    private static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        // IPv6 unique local addresses, fc00::/7, are private too, but the JDK does not say so
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        // 100.64.0.0/10, carrier-grade NAT, is not routable from outside either
        boolean sharedAddressSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedAddressSpace;
    }
}
