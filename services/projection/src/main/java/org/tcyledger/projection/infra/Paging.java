package org.tcyledger.projection.infra;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The one way every list of the projection is paged: {@code ?page=} (from 0) and {@code ?size=} (1 to 500, 50 by
 * default); the body stays the list itself, {@code X-Total-Count} says how many match and {@code Link} gives the
 * {@code next} and {@code prev} pages, so a client that ignores paging reads the first 50 as before.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 500;
    /** domain.md "Limits on input": deeper than this a client should filter; an offset never overflows. */
    public static final int MAX_PAGE = 10_000;

    public Paging {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new BadRequestException("0 ≤ page ≤ " + MAX_PAGE + " and 1 ≤ size ≤ " + MAX_SIZE);
        }
    }

    public int offset() {
        return page * size;
    }

    /** The page of {@code all}, every match in order. */
    public <T> RestResponse<List<T>> of(List<T> all, UriInfo uri) {
        int from = Math.min(offset(), all.size());
        return respond(new ArrayList<>(all.subList(from, Math.min(from + size, all.size()))), all.size(), uri);
    }

    /** A page already cut by the query, of {@code total} matches. */
    public <T> RestResponse<List<T>> respond(List<T> items, long total, UriInfo uri) {
        RestResponse.ResponseBuilder<List<T>> response = RestResponse.ResponseBuilder.ok(items)
                .header("X-Total-Count", total);
        List<String> links = new ArrayList<>();
        if ((long) offset() + items.size() < total) {
            links.add("<" + uri.getRequestUriBuilder().replaceQueryParam("page", page + 1).build() + ">; rel=\"next\"");
        }
        if (page > 0) {
            links.add("<" + uri.getRequestUriBuilder().replaceQueryParam("page", page - 1).build() + ">; rel=\"prev\"");
        }
        if (!links.isEmpty()) {
            response.header("Link", String.join(", ", links));
        }
        return response.build();
    }
}
