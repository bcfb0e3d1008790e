/**
 * The public dashboard in Norwegian bokmål, served at {@code /}: Oversikt (participation, secretariat funding, goal
 * progress, joint initiatives), Vedtak (the steering group's decisions and what followed from them) and Kommuner
 * (each participant's timeline across merges), each as of any date chosen with the date picker. Pages are rendered
 * on the server with Thymeleaf, charts as inline SVG with the same figures in a table beside them, and every figure
 * is read through the query bus with the same queries as the report endpoints. The pages are left out of the OpenAPI
 * document, which describes the API.
 */
package no.trondelag.samhandling.app.dashboard;
