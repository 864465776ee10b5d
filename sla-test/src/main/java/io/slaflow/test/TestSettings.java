package io.slaflow.test;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.policy.InvalidPolicyException;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** What the annotations say, checked and read: the policy file, the members and the start. */
record TestSettings(PolicyFile policyFile, SlaMember[] members, Instant start) {

    static TestSettings of(String policyFile, SlaMember[] members, String start, Class<?> testClass) {
        return new TestSettings(read(policyFile, testClass), members, instant(start));
    }

    /** Returns a builder with the policy file and the members. */
    SlaEngine.Builder builder() {
        SlaEngine.Builder builder = SlaEngine.builder().policyFile(policyFile);
        for (SlaMember member : members) {
            for (String user : member.users()) {
                builder.member(user, member.group());
            }
        }
        return builder;
    }

    private static Instant instant(String start) {
        try {
            return Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new ExtensionConfigurationException("start must be an ISO-8601 instant such as 2026-03-02T09:00:00Z"
                    + " (was '" + start + "')", e);
        }
    }

    private static PolicyFile read(String location, Class<?> testClass) {
        if (location.startsWith("file:")) {
            return SlaPolicies.loadFile(Path.of(location.substring("file:".length())));
        }
        String name = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        name = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = testClass.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new ExtensionConfigurationException("policyFile: no class path resource '" + name
                        + "'; give a resource such as desk.yaml (under src/test/resources) or file:path/to/desk.yaml");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try {
                return SlaPolicies.parseFile(yaml);
            } catch (InvalidPolicyException e) {
                InvalidPolicyException named = new InvalidPolicyException("class path resource " + name, e.violations());
                named.initCause(e);
                throw named;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("policyFile: cannot read class path resource " + name, e);
        }
    }
}
