package nl.trede.core.recommend;

import nl.trede.core.catalogue.Intervention;

/** An intervention the client is not eligible for, and why. */
public record Exclusion(Intervention intervention, String reason) {
}
