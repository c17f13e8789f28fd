package com.trustifi.onboarding.infrastructure;

import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine as Testcontainers finds it (DOCKER_HOST, the socket, ~/.testcontainers.properties). Kept
 * apart so that Testcontainers is loaded, and Docker looked for, only when the setting asks for containers.
 */
final class DockerEngine implements ContainerEngine {

    @Override
    public boolean isAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }
}
