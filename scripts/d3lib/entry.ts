// The d3 modules Keystone draws with, bundled by the build into one LWC library module (c/d3lib)
// so components import d3 like any other module and Locker/LWS sees plain code.
export * from 'd3-selection';
export * from 'd3-hierarchy';
export * from 'd3-zoom';
export * from 'd3-scale';
export * from 'd3-shape';
export * from 'd3-interpolate';
export * from 'd3-color';
