package io.slaflow.core.policy;

import io.slaflow.core.contract.InvalidContractException;
import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.internal.ViolationText;
import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code contracts:} list of a policy file into {@link ServiceContract}s: the format (types,
 * spellings) is checked here, the contract's own rules by {@link ServiceContract.Builder#build()},
 * whose violations are reported under the contract's path with the line and column of the value they
 * name. Across contracts: each names one of the file's policies, and no customer has two.
 */
final class ContractYamlReader {

    static final List<String> CONTRACT_KEYS = List.of("customer", "policy", "zone", "paymentTerms", "prepaidHours",
            "warranty", "riskBuffer", "hourlyRate", "keyUsers");

    private static final Map<String, PaymentTerms> TERMS = terms();

    private final YamlReading in;

    ContractYamlReader(YamlReading in) {
        this.in = in;
    }

    private static Map<String, PaymentTerms> terms() {
        Map<String, PaymentTerms> names = new LinkedHashMap<>();
        for (PaymentTerms t : PaymentTerms.values()) {
            names.put(t.name(), t);
        }
        return Collections.unmodifiableMap(names);
    }

    /**
     * Reads the contracts under {@code contracts}.
     *
     * @param node the value of the {@code contracts} key, or null when absent
     * @param policyNames the file's policy names, default first (null when the default's is unreadable), one
     *     of which every contract must name
     * @return the valid contracts, in file order; those that break a rule are reported and left out
     */
    List<ServiceContract> read(JsonNode node, Collection<String> policyNames) {
        List<ServiceContract> contracts = new ArrayList<>();
        if (YamlReading.absent(node)) {
            return contracts;
        }
        List<JsonNode> items = in.list(node, "contracts", "[{ customer: acme, policy: ..., zone: Europe/Kyiv,"
                + " paymentTerms: POSTPAYMENT }]");
        Map<String, Integer> firstOf = new HashMap<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            String path = "contracts[" + i + "]";
            ServiceContract contract = readContract(items.get(i), path, policyNames);
            if (contract == null) {
                continue;
            }
            Integer earlier = firstOf.putIfAbsent(contract.customer(), i);
            if (earlier != null) {
                in.add(new Violation(path + ".customer", "has a contract already at contracts[" + earlier
                        + "]; give each customer one contract " + ViolationText.was(contract.customer())));
            } else {
                contracts.add(contract);
            }
        }
        return contracts;
    }

    private ServiceContract readContract(JsonNode node, String path, Collection<String> policyNames) {
        if (!in.mapping(node, path, CONTRACT_KEYS)) {
            return null;
        }
        int before = in.count();
        String policy = in.requiredText(node.get("policy"), path + ".policy", "the name of one of this file's policies");
        if (policy != null && policyNames != null && !policyNames.contains(policy)) {
            in.refuse(path + ".policy", PolicyFile.unknownPolicy(policyNames, policy));
        }
        ServiceContract.Builder b = ServiceContract.builder()
                .customer(in.requiredText(node.get("customer"), path + ".customer", "the customer (tenant) id"))
                .policy(policy)
                .zone(in.zone(node.get("zone"), path + ".zone"))
                .paymentTerms(in.oneOf(node.get("paymentTerms"), path + ".paymentTerms", TERMS))
                .prepaidHours(in.decimal(node.get("prepaidHours"), path + ".prepaidHours", "40"))
                .hourlyRate(in.decimal(node.get("hourlyRate"), path + ".hourlyRate", "3500"));
        Period warranty = in.period(node.get("warranty"), path + ".warranty");
        if (warranty != null) {
            b.warranty(warranty);
        }
        BigDecimal riskBuffer = in.decimal(node.get("riskBuffer"), path + ".riskBuffer", "0.25");
        if (riskBuffer != null) {
            b.riskBuffer(riskBuffer);
        }
        List<String> keyUsers = keyUsers(node.get("keyUsers"), path + ".keyUsers");
        if (keyUsers != null) {
            b.keyUsers(keyUsers);
        }
        try {
            ServiceContract contract = b.build();
            return in.count() == before ? contract : null;
        } catch (InvalidContractException e) {
            for (String v : e.violations()) {
                int colon = v.indexOf(": ");
                in.add(new Violation(path + "." + v.substring(0, colon), v.substring(colon + 2)));
            }
            return null;
        }
    }

    /** Returns the key users, or null when absent or refused. */
    private List<String> keyUsers(JsonNode node, String path) {
        if (YamlReading.absent(node)) {
            return null;
        }
        List<JsonNode> items = in.list(node, path, "[olena, taras]");
        if (items == null) {
            return null;
        }
        List<String> users = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            users.add(in.text(items.get(i), path + "[" + i + "]"));
        }
        return users;
    }
}
