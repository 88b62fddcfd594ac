package io.fileintegrity.provider.ima.policy;

import io.fileintegrity.api.ConfigProblem;
import java.util.List;
import java.util.Optional;

/**
 * A parsed policy, or why there is none.
 *
 * @param policy the policy; empty when there are problems
 * @param problems every problem found, in order
 */
public record PolicyParseResult(Optional<RuntimePolicy> policy, List<ConfigProblem> problems) {

    public PolicyParseResult {
        problems = List.copyOf(problems);
        if (policy.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("a policy or problems, not both or neither");
        }
    }

    static PolicyParseResult of(RuntimePolicy policy) {
        return new PolicyParseResult(Optional.of(policy), List.of());
    }

    static PolicyParseResult failed(List<ConfigProblem> problems) {
        return new PolicyParseResult(Optional.empty(), problems);
    }
}
