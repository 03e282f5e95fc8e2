package org.tcyledger.meetings.document.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import org.tcyledger.contracts.meetings.DocumentEvent;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.eventsourcing.web.Commands;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.meetings.document.DocumentCommands;
import org.tcyledger.meetings.document.DocumentState;
import org.tcyledger.meetings.document.DocumentSymbol;

/**
 * The document register (domain.md §2). A symbol holds parentheses and spaces: in a path it is percent-encoded
 * ({@code /documents/T-CY(2013)7%20E%20rev}).
 */
@Path("/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DocumentResource {

    @Inject
    Commands commands;
    @Inject
    EventStreams streams;

    /** The symbol's form, its uniqueness and what it supersedes are the aggregate's (Document). */
    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    public Response register(@Valid @NotNull DocumentRequests.RegisterDocument body) {
        String symbol = DocumentSymbol.normalised(body.symbol());
        Response response = commands.created(body, () -> new DocumentCommands.RegisterDocument(symbol, body.title(),
                body.kind(), body.datedOn(), body.languages(), body.access(), body.supersedes()));
        return Response.fromResponse(response).location(UriBuilder.fromPath("/documents/{symbol}").build(symbol))
                .build();
    }

    @POST
    @Path("/{symbol}/publication")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response publish(@PathParam("symbol") String symbol, @Valid @NotNull DocumentRequests.PublishDocument body) {
        return commands.created(body, () -> new DocumentCommands.PublishDocument(DocumentSymbol.normalised(symbol),
                body.publishedOn()));
    }

    @POST
    @Path("/{symbol}/corrections")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response correct(@PathParam("symbol") String symbol, @Valid @NotNull DocumentRequests.CorrectDocument body) {
        return commands.created(body, () -> new DocumentCommands.CorrectDocument(DocumentSymbol.normalised(symbol),
                body.correctsEventId(), body.reason(), body.title(), body.datedOn(), body.kind(), body.languages()));
    }

    /** The document as recorded (up to {@code atSequence}, or by {@code recordedAt}), corrections applied. */
    @GET
    @Path("/{symbol}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.AUDITOR})
    public DocumentState read(@PathParam("symbol") String symbol, @QueryParam("atSequence") Long atSequence,
                              @QueryParam("recordedAt") Instant recordedAt) {
        String registered = DocumentSymbol.normalised(symbol);
        return streams.replay(registered, DocumentEvent.class, DocumentState.UNREGISTERED,
                        (document, event, envelope) -> document.evolve(event, envelope.id()),
                        new EventStreams.PointInTime(atSequence, recordedAt))
                .orElseThrow(() -> new NotFoundException("No document '" + registered + "' is registered"));
    }

    @GET
    @Path("/{symbol}/events")
    @RolesAllowed({Roles.AUDITOR, Roles.SECRETARIAT})
    public List<EventStreams.StoredEvent> events(@PathParam("symbol") String symbol) {
        return streams.audited(DocumentSymbol.normalised(symbol));
    }
}
