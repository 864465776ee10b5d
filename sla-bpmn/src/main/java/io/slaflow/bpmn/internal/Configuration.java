package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.RunningClocks;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One version of the desk's configuration, as stored in the database: the policy file (policies,
 * calendars, contracts) that times requests, when it takes force and what it does to the clocks running
 * then. An engine given a policy in code (an {@link SlaPolicy} that is not read from a file) stores only
 * its name: such a version is timed by the policy each node was built with. Immutable.
 *
 * @param version the version number, from 1
 * @param effectiveFrom when it takes force
 * @param strategy what it does to the requests open when it takes force
 * @param file the policy file, or null for a policy in code
 * @param code the policy in code when {@code file} is null (the node's own), else null
 */
public record Configuration(int version, Instant effectiveFrom, RunningClocks strategy, PolicyFile file,
        SlaPolicy code) {

    /** Creates a version. */
    public Configuration {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(strategy, "strategy");
        if ((file == null) == (code == null)) {
            throw new IllegalArgumentException("a configuration has a policy file or a policy in code");
        }
    }

    /** Returns the default policy: the file's, or the policy in code. */
    public SlaPolicy policy() {
        return file != null ? file.policy() : code;
    }

    /**
     * Returns the targets this version gives {@code filed} timed as {@code severity} and {@code kind}:
     * by its customer's policy (the contract's, else the default).
     *
     * @throws IllegalStateException if a policy in code returns none
     */
    public SlaTargets targets(ServiceRequest filed, Severity severity, RequestKind kind) {
        SlaTargets targets = file != null ? file.targetsFor(filed, severity, kind) : code.targetsFor(filed, severity, kind);
        if (targets == null) {
            throw new IllegalStateException("policy '" + code.name() + "' returned no targets for " + filed
                    + " timed as " + severity + " " + kind);
        }
        return targets;
    }

    /** Returns the targets this version gives {@code request} as filed. */
    public SlaTargets targets(ServiceRequest request) {
        return targets(request, request.severity(), request.kind());
    }

    /**
     * Returns the path of the rule that sets the targets of {@code filed} timed as {@code severity} and
     * {@code kind} ({@code targets[2]}, {@code policies.gold.targets[0]}), or null for a policy in code.
     */
    public String rule(ServiceRequest filed, Severity severity, RequestKind kind) {
        return file == null ? null : file.ruleFor(filed, severity, kind);
    }

    /** Returns the text stored for this version: the policy file's YAML, or null for a policy in code. */
    String text() {
        return file == null ? null : SlaPolicies.toYaml(file);
    }

    /** Returns the name stored for this version: the default policy's. */
    public String name() {
        return policy().name();
    }

    /**
     * Returns the fingerprint by which a node's configuration is compared with the stored versions: of
     * the file's printed form (so formatting and comments do not count), or of a code policy's name.
     */
    String fingerprint() {
        return sha256(file != null ? "file:" + text() : "code:" + code.name());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
