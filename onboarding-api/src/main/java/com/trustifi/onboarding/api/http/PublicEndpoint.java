package com.trustifi.onboarding.api.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that a browser reaches without any key: the consent callback, where Entra
 * sends a customer's administrator back. What it accepts is authenticated by the signed state.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicEndpoint {
}
