package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** A command that prints results: the output options and the run's masker, which everything printed goes through. */
abstract class OutputCommand implements Callable<Integer>, Output.WithOutput {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    OutputOptions outputOptions;

    private final SecretMasker masker = new SecretMasker();

    @Override
    public OutputOptions output() {
        return outputOptions;
    }

    @Override
    public SecretMasker masker() {
        return masker;
    }

    /** The command's stdout and stderr, masked. */
    Output newOutput() {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), outputOptions, masker);
    }
}
