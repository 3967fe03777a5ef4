package io.jenkins.plugins.openchoreo.client.promote;

import io.jenkins.plugins.openchoreo.client.rules.Names;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.FieldError;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A promotion request checked before any network call, every problem reported at once. */
final class PromoteInputs {

    private PromoteInputs() {}

    static void check(PromoteRequest request) {
        List<FieldError> problems = new ArrayList<>();
        add(problems, "namespace", Names.problem("namespace", request.namespace()));
        add(problems, "project", Names.problem("project", request.project()));
        add(problems, "component", Names.problem("component", request.component()));
        add(problems, "from", Names.problem("source environment (from)", request.from()));
        add(problems, "to", Names.problem("target environment (to)", request.to()));
        if (request.from() != null && request.from().equals(request.to())) {
            problems.add(FieldError.of("to", "the target environment is the source environment (" + request.to()
                    + "): promote to another one"));
        }
        if (request.release() != null) {
            add(problems, "release", Names.problemWithLength("release name", request.release(), 253));
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder(problems.size() == 1 ? "The promotion has a problem:"
                    : "The promotion has " + problems.size() + " problems:");
            problems.forEach(p -> message.append(System.lineSeparator()).append("  - ").append(p));
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, message.toString(), problems, null, null, 0,
                    null);
        }
    }

    private static void add(List<FieldError> problems, String field, Optional<String> problem) {
        problem.ifPresent(p -> problems.add(FieldError.of(field, p)));
    }
}
