package io.slaflow.spring.boot;

import io.slaflow.core.policy.InvalidPolicyException;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;

/** Reads {@code slaflow.policy-file} from a Spring resource. */
final class PolicyFileResource {

    private PolicyFileResource() {
    }

    /**
     * Reads and checks the policy file.
     *
     * @throws IllegalStateException if no location is set or nothing is there
     * @throws InvalidPolicyException naming the resource, with every violation's path, line and column
     * @throws UncheckedIOException if it cannot be read
     */
    static PolicyFile read(Resource resource) {
        if (resource == null) {
            throw new IllegalStateException("slaflow.policy-file is not set: give the location of the policy file,"
                    + " e.g. slaflow.policy-file=classpath:desk.yaml");
        }
        if (!resource.exists()) {
            throw new IllegalStateException("slaflow.policy-file: " + resource.getDescription() + " does not exist");
        }
        String yaml;
        try {
            yaml = resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("slaflow.policy-file: cannot read " + resource.getDescription(), e);
        }
        try {
            return SlaPolicies.parseFile(yaml);
        } catch (InvalidPolicyException e) {
            InvalidPolicyException named = new InvalidPolicyException(resource.getDescription(), e.violations());
            named.initCause(e);
            throw named;
        }
    }
}
