package nl.trede.core.profile;

public enum HealthLimitation {
    NONE, SOME, SEVERE
}
