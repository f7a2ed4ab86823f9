// Maps widget
const MAPS_KEY = "AI@@zaSyFAKEYs5suKcNd8Zra9A9sKPxZ9W3qLy7z";  <<expect DS851>>
export default MAPS_KEY;
