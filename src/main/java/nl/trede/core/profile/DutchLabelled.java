package nl.trede.core.profile;

/** A value of a categorical intake field, with the Dutch words a klantmanager and a client read for it. */
public interface DutchLabelled {

    String dutchLabel();
}
