package nl.trede.core.synth;

import java.util.SplittableRandom;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.LanguageLevel;

/**
 * Draws complete intake profiles with a joint distribution resembling the Dutch bijstand stock
 * (CBS): older than the labour force, education skewed low, long spells on benefit, health
 * limitations common, about a quarter with problematic debts. Gender and migration background are
 * drawn first and shift language level, education, work history and care duties, so that some
 * features are proxies for them, as in real data.
 */
final class ProfileSampler {

    /** A complete profile together with the protected attributes it was drawn with. */
    record Draw(IntakeProfile profile, Gender gender, boolean migrationBackground) {
    }

    private static final double[] EDUCATION_NATIVE = {0.03, 0.12, 0.25, 0.10, 0.30, 0.08, 0.09, 0.03};
    private static final double[] EDUCATION_MIGRANT = {0.15, 0.20, 0.17, 0.10, 0.22, 0.05, 0.08, 0.03};
    private static final double[] LANGUAGE_NATIVE = {0, 0, 0, 0.04, 0.12, 0.34, 0.50};
    private static final double[] LANGUAGE_NATIVE_LOW_EDUCATED = {0, 0, 0.02, 0.12, 0.26, 0.35, 0.25};
    private static final double[] LANGUAGE_MIGRANT = {0.07, 0.14, 0.22, 0.22, 0.17, 0.11, 0.07};

    Draw draw(SplittableRandom r) {
        Gender gender = r.nextDouble() < 0.55 ? Gender.FEMALE : Gender.MALE;
        boolean migrant = r.nextDouble() < 0.45;
        int age = age(r);
        int months = monthsOnBenefit(r, age);
        double duration = Math.log1p(months / 12.0);

        EducationLevel education = EducationLevel.values()[pick(r, migrant ? EDUCATION_MIGRANT : EDUCATION_NATIVE)];
        double[] languageShares = migrant ? LANGUAGE_MIGRANT
                : education.ordinal() <= EducationLevel.PRIMARY.ordinal() ? LANGUAGE_NATIVE_LOW_EDUCATED : LANGUAGE_NATIVE;
        LanguageLevel language = LanguageLevel.values()[pick(r, languageShares)];

        double healthLatent = 0.03 * (age - 40) + 0.3 * duration + r.nextGaussian();
        HealthLimitation health = healthLatent < 0.6 ? HealthLimitation.NONE
                : healthLatent < 1.75 ? HealthLimitation.SOME : HealthLimitation.SEVERE;

        double careShare = (gender == Gender.FEMALE ? 0.33 : 0.10) + (migrant ? 0.08 : 0)
                + (age >= 25 && age <= 45 ? 0.08 : 0) - (age > 55 ? 0.08 : 0);
        boolean care = r.nextDouble() < careShare;
        boolean debts = r.nextDouble() < 0.20 + (age < 35 ? 0.07 : 0) + (months > 24 ? 0.05 : 0) - (age > 55 ? 0.10 : 0);
        boolean housing = r.nextDouble() < 0.05 + (age < 27 ? 0.06 : 0) + (debts ? 0.06 : 0);

        boolean lowEducated = education.ordinal() <= EducationLevel.PRIMARY.ordinal();
        boolean neverWorked = r.nextDouble() < 0.10 + (migrant ? 0.12 : 0) + (age < 25 ? 0.20 : 0) + (lowEducated ? 0.05 : 0);
        Integer monthsSinceLastJob = neverWorked ? null : months + (int) Math.round(exponential(r, 15));
        int maxYears = Math.max(0, age - 18);
        int experience = neverWorked ? 0 : (int) Math.min(maxYears, Math.round(exponential(r, 1 + 0.35 * maxYears)));
        boolean licence = r.nextDouble() < 0.50 - (migrant ? 0.20 : 0) + (education.isStartingQualification() ? 0.10 : 0)
                - (age < 23 ? 0.15 : 0);

        double drive = r.nextGaussian() - 0.2 * duration - (health == HealthLimitation.SEVERE ? 0.4 : 0);
        int motivation = 1 + bucket(drive, -1.6, -0.6, 0.4, 1.3);
        double efficacyLatent = 0.6 * drive + 0.8 * r.nextGaussian() - (language.isBelowB1() ? 0.3 : 0);
        int selfEfficacy = 1 + bucket(efficacyLatent, -1.5, -0.5, 0.5, 1.3);
        boolean expectsWork = r.nextDouble() < sigmoid(-0.4 + 0.9 * drive - 0.4 * duration
                - (health == HealthLimitation.SEVERE ? 0.6 : 0));
        double rungLatent = 0.5 * drive - 0.4 * duration - (health == HealthLimitation.SEVERE ? 0.5 : 0)
                - (language.isBelowB1() ? 0.3 : 0) + r.nextGaussian();
        int rung = 1 + bucket(rungLatent, -2.0, -0.9, 0.0, 0.8, 1.4);
        double tightness = Math.round(Math.exp(0.3 * r.nextGaussian()) * 100) / 100.0;

        IntakeProfile profile = new IntakeProfile(age, education, language, months, monthsSinceLastJob, experience,
                health, care, debts, housing, licence, motivation, selfEfficacy, expectsWork, rung, tightness);
        return new Draw(profile, gender, migrant);
    }

    /** Bijstand stock by age: few under 27, most over 45, up to the state pension age. */
    private static int age(SplittableRandom r) {
        double u = r.nextDouble();
        if (u < 0.12) {
            return 18 + r.nextInt(9);
        }
        return u < 0.50 ? 27 + r.nextInt(18) : 45 + r.nextInt(23);
    }

    /** Long-tailed: about 40 % of the stock has been on benefit for five years or more. */
    private static int monthsOnBenefit(SplittableRandom r, int age) {
        double u = r.nextDouble();
        int months;
        if (u < 0.17) {
            months = r.nextInt(12);
        } else if (u < 0.31) {
            months = 12 + r.nextInt(12);
        } else if (u < 0.59) {
            months = 24 + r.nextInt(36);
        } else {
            months = 60 + (int) Math.min(240, exponential(r, 48));
        }
        // Nobody has been on bijstand longer than their adult life.
        return Math.min(months, (age - 18) * 12 + 6);
    }

    static int pick(SplittableRandom r, double[] shares) {
        double u = r.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < shares.length; i++) {
            cumulative += shares[i];
            if (u < cumulative) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private static int bucket(double latent, double... thresholds) {
        int level = 0;
        while (level < thresholds.length && latent >= thresholds[level]) {
            level++;
        }
        return level;
    }

    private static double exponential(SplittableRandom r, double mean) {
        return -mean * Math.log(1 - r.nextDouble());
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
