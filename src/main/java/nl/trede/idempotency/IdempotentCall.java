package nl.trede.idempotency;

import jakarta.enterprise.context.RequestScoped;

/** The key and request fingerprint of the current request, from {@link IdempotencyKeyFilter} to {@link IdempotencyInterceptor}. */
@RequestScoped
class IdempotentCall {

    private String key;
    private String requestHash;

    void set(String key, String requestHash) {
        this.key = key;
        this.requestHash = requestHash;
    }

    boolean hasKey() {
        return key != null;
    }

    String key() {
        return key;
    }

    String requestHash() {
        return requestHash;
    }
}
