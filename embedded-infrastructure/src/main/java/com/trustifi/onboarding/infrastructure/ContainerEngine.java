package com.trustifi.onboarding.infrastructure;

/** A container engine that may or may not be reachable from here; tests stand in for Docker with it. */
@FunctionalInterface
interface ContainerEngine {

    boolean isAvailable();
}
