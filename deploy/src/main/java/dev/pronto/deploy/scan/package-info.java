/** Bytecode scanning of a WAR's classes with ASM: annotations, type hierarchy and container initializers. */
package dev.pronto.deploy.scan;
