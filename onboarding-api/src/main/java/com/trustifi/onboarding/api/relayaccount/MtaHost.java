package com.trustifi.onboarding.api.relayaccount;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A mail server: a domain name, or an IPv4 or IPv6 address literal. Nothing is resolved, so
 * validation makes no network call.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = MtaHost.Validator.class)
@interface MtaHost {

    String message() default "must be a host name or an IP address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MtaHost, String> {

        private static final Pattern IPV4 = Pattern.compile(
                "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || IPV4.matcher(value).matches() || isIpv6(value) || DomainNames.toAscii(value).isPresent();
        }

        /** A string with a colon is parsed as an IPv6 literal by the JDK, never looked up; zones are refused. */
        private static boolean isIpv6(String value) {
            if (!value.contains(":") || value.contains("%") || value.length() > 45) {
                return false;
            }
            try {
                return InetAddress.getByName(value) instanceof Inet6Address;
            } catch (UnknownHostException notAnAddress) {
                return false;
            }
        }
    }
}
