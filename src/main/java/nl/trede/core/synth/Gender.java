package nl.trede.core.synth;

/** Recorded gender of a simulated client: a protected attribute, used only to monitor fairness. */
public enum Gender {
    FEMALE, MALE
}
