/** An embedded Arquillian container that deploys ShrinkWrap web archives on Pronto through the WAR deployer. */
package dev.pronto.arquillian;
