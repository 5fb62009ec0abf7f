package nl.trede.core.causal;

/** Where an expected effect came from. */
public enum EffectSource {
    /** The catalogue's literature prior, adjusted by stated rules for this client. */
    PRIOR,
    /** Learned from the municipality's own history. */
    LEARNED,
    /** A precision-weighted blend of the prior and the learned estimate. */
    BLEND
}
