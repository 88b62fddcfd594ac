package io.fileintegrity.reporting.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Protects the plugin's POST actions against cross-site request forgery. Felix Web Console 5 has no
 * CSRF protection of its own (its README says so and points to add-on bundles), so the plugin carries
 * a secret token in its forms and checks it, and refuses requests whose {@code Origin} or
 * {@code Sec-Fetch-Site} header shows another site. The token is random per activation: a forged page
 * cannot read it because the same-origin policy keeps the console's pages from other sites.
 */
final class CsrfGuard {

    /** The form field carrying the token. */
    static final String FIELD = "fio-csrf-token";

    private final String token;

    CsrfGuard(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The token to put in a hidden form field. */
    String token() {
        return token;
    }

    /**
     * Why a POST is refused, or {@code null} when it may proceed.
     *
     * @param submitted the token from the form, may be null
     * @param origin the {@code Origin} header, may be null
     * @param fetchSite the {@code Sec-Fetch-Site} header, may be null
     * @param host the {@code Host} header, may be null
     */
    String refusal(String submitted, String origin, String fetchSite, String host) {
        if (submitted == null || !MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return "the form's security token is missing or out of date; reload the page and try again";
        }
        if (fetchSite != null && fetchSite.equals("cross-site")) {
            return "the request came from another site";
        }
        if (origin != null && !origin.equals("null") && host != null && !host.equalsIgnoreCase(authority(origin))) {
            return "the request came from another origin (" + origin + ")";
        }
        return null;
    }

    private static String authority(String origin) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
