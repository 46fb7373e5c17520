/** Deployment descriptors: {@code web.xml} and {@code web-fragment.xml} read into a model, ordered and merged. */
package dev.pronto.deploy.descriptor;
