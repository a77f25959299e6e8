package org.hopscope.model.incident;

import java.time.Instant;

/**
 * An evidence snapshot without its bytes, for lists; the store loads the content on demand.
 *
 * @param id store-assigned
 * @param incidentId the incident
 * @param kind what it holds
 * @param title its title
 * @param query the query that produced it ("" when none)
 * @param createdAt when it was saved (UTC)
 * @param mediaType e.g. {@code application/json}, {@code image/png}
 * @param size the content's length in bytes
 */
public record EvidenceSummary(
    long id,
    long incidentId,
    Evidence.Kind kind,
    String title,
    String query,
    Instant createdAt,
    String mediaType,
    long size) {}
