package nl.trede.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.distance.DistanceScore;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.distance.TribuoDistanceModel;
import nl.trede.core.effects.EffectModel;
import nl.trede.core.effects.LearnedEffectModel;
import nl.trede.core.features.FeatureEncoder;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.recommend.Advice;
import nl.trede.core.recommend.Recommender;
import nl.trede.core.recommend.ShownAdvice;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.scoring.AdviceView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-client work of an answer, step by step, on the shipped models (models/): the feature
 * encoding, the calibrated score with its factors, the effect of every intervention with its
 * interval and ties, the JSON of the full answer, and all of it together. Each operation takes the
 * next of 1,000 simulated clients, so no result is a cached branch of one profile.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPathBenchmark {

    private final FeatureEncoder encoder = new FeatureEncoder();
    private final Recommender recommender = new Recommender();
    private final ObjectWriter json = new ObjectMapper().writer();
    private TribuoDistanceModel distance;
    private EffectModel effects;
    private Catalogue catalogue;
    private ShownAdvice.Versions versions;
    private List<IntakeProfile> profiles;
    private int next;
    private IntakeProfile profile;
    private DistanceScore score;
    private AdviceView answer;

    @Setup(Level.Trial)
    public void loadModels() {
        Path models = Path.of(System.getProperty("trede.models", "models"));
        ModelArtefact d = ModelFiles.readActive(models, ModelFiles.DISTANCE);
        ModelArtefact e = ModelFiles.readActive(models, LearnedEffectModel.KIND);
        distance = TribuoDistanceModel.fromBytes(d.bytes(), d.card());
        effects = LearnedEffectModel.fromBytes(e.bytes(), e.card());
        catalogue = Catalogue.STARTING;
        versions = new ShownAdvice.Versions(distance.version(), effects.version(), catalogue.version());
        profiles = new PopulationGenerator().generate(1_000, 42L).clients().stream().map(SimulatedClient::profile).toList();
    }

    @Setup(Level.Invocation)
    public void nextClient() {
        profile = profiles.get(next++ % profiles.size());
    }

    @Setup(Level.Iteration)
    public void oneAnswer() {
        IntakeProfile p = profiles.get(0);
        score = distance.score(p);
        answer = AdviceView.of(score, ShownAdvice.of(recommender.recommend(p, score.probability(), catalogue, effects, 12), versions));
    }

    @Benchmark
    public double[] featureEncoding() {
        return encoder.encode(profile);
    }

    @Benchmark
    public DistanceScore calibratedScoreWithFactors() {
        return distance.score(profile);
    }

    @Benchmark
    public Advice effectOfEveryInterventionWithIntervalsAndTies() {
        return recommender.recommend(profile, 0.3, catalogue, effects, 12);
    }

    @Benchmark
    public byte[] jsonOfTheAnswer() throws Exception {
        return json.writeValueAsBytes(answer);
    }

    /** Everything one what-if answer computes for one client, from profile to bytes. */
    @Benchmark
    public byte[] wholeAdvice() throws Exception {
        DistanceScore s = distance.score(profile);
        Advice advice = recommender.recommend(profile, s.probability(), catalogue, effects, 12);
        return json.writeValueAsBytes(AdviceView.of(s, ShownAdvice.of(advice, versions)));
    }
}
