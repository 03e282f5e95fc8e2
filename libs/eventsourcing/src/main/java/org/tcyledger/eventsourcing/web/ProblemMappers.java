package org.tcyledger.eventsourcing.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tcyledger.eventsourcing.RuleViolation;

/** Every error of every service as {@code application/problem+json}: 400 shape, 401/403 identity, 404, 409 rule, 413 size, 422. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response rule(RuleViolation e) {
        return Problem.of(new Problem("urn:tcy:rule:" + e.rule(), "A rule of the domain forbids this", 409,
                e.getMessage(), e.rule(), null));
    }

    @ServerExceptionMapper
    public Response exists(AggregateStreamCreationException e) {
        return Problem.of(new Problem("urn:tcy:rule:id-unique", "The id is taken", 409,
                "Something with this id is already recorded", "id-unique", null));
    }

    @ServerExceptionMapper
    public Response concurrent(ConcurrencyException e) {
        return Problem.of(new Problem("urn:tcy:rule:concurrent-change", "Changed concurrently", 409,
                "Another command changed the same record at the same time; retry", "concurrent-change", null));
    }

    @ServerExceptionMapper
    public Response notFound(AggregateNotFoundException e) {
        return Problem.response(404, "Not found", "No record with id '" + e.getAggregateIdentifier() + "'");
    }

    /** The id names a record of another kind in the same store (a meeting, not a note): none of this kind. */
    @ServerExceptionMapper
    public Response otherKind(org.axonframework.eventsourcing.IncompatibleAggregateException e) {
        return Problem.response(404, "Not found", "No record of this kind with this id");
    }

    /**
     * Anything else: a problem too, never Quarkus's own body. The database or a lock away is 503 (retry with the same
     * Idempotency-Key); the rest is a defect, logged, 500.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (org.tcyledger.eventsourcing.consumer.Failures.isTransient(e)) {
            return unavailable(e);
        }
        LOG.error("request failed", e);
        return Problem.response(500, "Internal error", "The request failed; a command that failed stored nothing");
    }

    @ServerExceptionMapper
    public Response wrapped(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuleViolation rule) {
            return rule(rule);
        }
        if (cause instanceof InvalidRequest invalid) {
            return invalidRequest(invalid);
        }
        if (cause instanceof AggregateNotFoundException missing) {
            return notFound(missing);
        }
        if (cause instanceof org.axonframework.eventsourcing.IncompatibleAggregateException other) {
            return otherKind(other);
        }
        if (cause instanceof AggregateStreamCreationException taken) {
            return exists(taken);
        }
        if (cause instanceof ConcurrencyException concurrent) {
            return concurrent(concurrent);
        }
        if (cause instanceof org.tcyledger.eventsourcing.axon.EventTooLarge tooLarge) {
            return tooLarge(tooLarge);
        }
        if (org.tcyledger.eventsourcing.consumer.Failures.isTransient(e)) {
            return unavailable(e);
        }
        LOG.error("command failed", e);
        return Problem.response(500, "Internal error", "The command failed; nothing was stored");
    }

    /** The database or a lock did not answer in time (or a command's transaction was cut at its bound). */
    @ServerExceptionMapper
    public Response transactionFailed(io.quarkus.narayana.jta.QuarkusTransactionException e) {
        if (org.tcyledger.eventsourcing.consumer.Failures.isTransient(e)) {
            return unavailable(e);
        }
        LOG.error("transaction failed", e);
        return Problem.response(500, "Internal error", "The command failed; nothing was stored");
    }

    private static Response unavailable(Throwable e) {
        LOG.warnf("command not completed in time, nothing stored: %s", e.getMessage());
        return Response.fromResponse(Problem.response(503, "Try again",
                        "The command could not complete in time; nothing was stored. Retry with the same Idempotency-Key."))
                .header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    @ServerExceptionMapper
    public Response tooLarge(org.tcyledger.eventsourcing.axon.EventTooLarge e) {
        return Problem.response(413, "The event would be too large", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequest e) {
        return Problem.of(new Problem("urn:tcy:invalid-request", "The request is not valid", 400,
                "1 field(s) are missing or malformed", null,
                List.of(new Problem.FieldError(e.field(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response notCaughtUp(org.tcyledger.eventsourcing.consumer.ReplicaNotCaughtUp e) {
        return Response.fromResponse(Problem.response(503, "Not up to date yet", e.getMessage()))
                .header(HttpHeaders.RETRY_AFTER, "2").build();
    }

    @ServerExceptionMapper
    public Response inUse(IdempotencyKeyInUse e) {
        return Response.fromResponse(Problem.of(new Problem("urn:tcy:rule:idempotency-key-in-use",
                        "The same request is still running", 409, e.getMessage(), "idempotency-key-in-use", null)))
                .header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    @ServerExceptionMapper
    public Response reused(IdempotencyKeyReused e) {
        return Problem.response(422, "Idempotency-Key reused", e.getMessage());
    }

    /** Quarkus throws its own subtype for invalid REST parameters; it must not reach Quarkus's plain-JSON mapper. */
    @ServerExceptionMapper
    public Response invalidParameters(ResteasyReactiveViolationException e) {
        return invalid(e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of(new Problem("urn:tcy:invalid-request", "The request is not valid", 400,
                errors.size() + " field(s) are missing or malformed", null, errors));
    }

    /** More specific than {@link JsonProcessingException}, so that Quarkus's own plain-JSON mapper does not win. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        if (message.contains("\n")) {
            message = message.substring(0, message.indexOf('\n'));
        }
        return Problem.of(new Problem("urn:tcy:invalid-request", "The request is not valid", 400,
                "The body is not the JSON this endpoint takes", null,
                List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message))));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        if (e instanceof jakarta.ws.rs.NotFoundException && e.getCause() != null) {
            // a path or query parameter that does not convert to its type (page=99999999999): the request's shape
            return Problem.of(new Problem("urn:tcy:invalid-request", "The request is not valid", 400,
                    "A parameter is not of its type", null,
                    List.of(new Problem.FieldError("parameter", String.valueOf(e.getCause().getMessage())))));
        }
        int status = e.getResponse().getStatus();
        return Problem.response(status, Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "Forbidden", "Your role may not do this");
    }

    private static Response unauthenticated() {
        return Response.fromResponse(Problem.response(401, "Unauthorized", "A valid bearer token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** {@code register.arg0.name} → {@code name}: the field as the client wrote it. */
    private static String field(Path path) {
        List<Path.Node> nodes = StreamSupport.stream(path.spliterator(), false).toList();
        List<String> names = new ArrayList<>();
        for (Path.Node node : nodes) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
                    || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getIndex() == null ? node.getName() : node.getName() + "[" + node.getIndex() + "]");
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
