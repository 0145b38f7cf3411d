// Server-side only: this Cockpit plugin scopes Cockpit's process statistics to what the user may read
// (de.nrw.intervention.access.DistrictStatisticsCockpitPlugin). Cockpit loads a script per plugin; it adds no view.
export default [];
