/**
 * Containers under conmon, podman's container monitor. {@link dev.strata.core.runtime.conmon.Conmon#create}
 * starts one conmon per container; conmon runs {@code runc create}, holds the container's stdio, writes its
 * output to a log file in the k8s-file format, serves an attach socket, and outlives the Strata command that
 * started it (it double-forks into a session of its own). When the container ends, conmon writes its exit
 * code to the exit file and runs the exit command. {@link dev.strata.core.runtime.conmon.ConmonFiles} is where
 * each of those files lives.
 */
package dev.strata.core.runtime.conmon;
