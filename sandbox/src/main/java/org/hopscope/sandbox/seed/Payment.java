package org.hopscope.sandbox.seed;

import java.util.List;

/**
 * One payment's life across the {@code payments} path as the generator decided it; the documents
 * and the ground truth are both derived from it. Times are true epoch milliseconds (host skew is
 * applied when documents are written); {@code -1} means "did not happen by the end of the
 * recording".
 *
 * @param id the payment ID ({@code pay:m0042/...}: it contains {@code :} and {@code /})
 * @param paymentClass ground-truth class
 * @param classHop the hop the class refers to, null for HEALTHY
 * @param amountCents the amount in euro cents, split over the parts
 * @param api the payments-api requests in order (at least one; 502s first when retried)
 * @param received when payment-service logged "received", or -1 if it never got the payment
 * @param parts the ledger postings the payment-service split the payment into (empty when {@code
 *     received} is -1)
 */
public record Payment(
    String id,
    PaymentClass paymentClass,
    PaymentsHop classHop,
    long amountCents,
    List<ApiRequest> api,
    long received,
    List<Part> parts) {

  /** HTTP 201: accepted. */
  public static final int CREATED = 201;

  /** HTTP 422: rejected for good (terminal). */
  public static final int UNPROCESSABLE = 422;

  /** HTTP 502: the upstream connection broke; the client retries. */
  public static final int BAD_GATEWAY = 502;

  /**
   * One request to payments-api.
   *
   * @param start when it arrived
   * @param durationMillis how long until the answer
   * @param status the HTTP status answered
   * @param requestId the access log's request ID
   */
  public record ApiRequest(long start, long durationMillis, int status, String requestId) {
    public boolean failed() {
      return status != CREATED;
    }
  }

  /**
   * One ledger posting of the payment and how far it went.
   *
   * @param postingId {@code pst:<hex>/<n>}
   * @param account the settlement account
   * @param amountCents this part's share
   * @param created when payment-service logged "posting ... created"
   * @param ledgerReceived when the ledger logged "received", or -1
   * @param booked when the ledger logged "booked", or -1 (never, for a locked posting)
   * @param lockWait when the ledger warned that the locked posting waits for its account's lock, or
   *     -1 (not locked, or not yet warned by the end)
   * @param added when the settlement-batcher logged "added to batch", or -1
   * @param batch the batch it joined, null when not added
   */
  public record Part(
      String postingId,
      String account,
      long amountCents,
      long created,
      long ledgerReceived,
      long booked,
      long lockWait,
      long added,
      Batch batch) {}

  /**
   * A settlement batch as far as the recording shows it.
   *
   * @param id {@code B-00061}
   * @param closed when the batcher logged "closed ... submitted", or -1 (still open at the end)
   * @param answered when clearing logged its answer, or -1 (none by the end)
   * @param rejected whether the answer is a rejection (terminal failure of every member)
   */
  public record Batch(String id, long closed, long answered, boolean rejected) {}
}
